/**
 * Understanding plain words: normalising text, tolerating small typos, the in-memory search index over events,
 * and reading a question ("when is the next council meeting?") into what to look up.
 */
package org.ccnsobot.query;
