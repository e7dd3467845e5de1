/**
 * Questions in plain words ("when is the next council meeting?"): understanding a question and answering it
 * from the calendar; also the when command. Public API: Questions.answer.
 */
package org.ccnsobot.features.questions;
