/**
 * Questions in plain words ("when does the UAC meet?", "what's on sunday at icann79", "any council meeting in
 * april?"): the understanding layer (Understanding reads a Question: its Intent, what it is About, its Span; Reader
 * and TimeWords implement it), the answers (Answers, over Retrieval's full-text attempts), the when command, and the
 * question corpus with its scoring (Corpus, corpus.tsv). French and Spanish questions are put into the reader's
 * English words by Lexicon (words-fr.txt, words-es.txt, ICU's weekday and month names), each question in the
 * Language it is written in; their corpora are corpus-fr.tsv and corpus-es.tsv. Public API: Questions, Question,
 * Understanding, Corpus.
 */
package org.ccnsobot.features.questions;
