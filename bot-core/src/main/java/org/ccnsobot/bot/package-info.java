/**
 * The bot as adapters see it: one {@link org.ccnsobot.port.InboundHandler} that checks input, finds the command
 * (or reads plain words as a question), enforces staff rules and rate limits, runs it, and turns every fault into
 * a one-line answer.
 */
package org.ccnsobot.bot;
