/**
 * The command pipeline: the rules in front of every command, as a chain of small {@link org.ccnsobot.kernel.Middleware}
 * steps (fault barrier, input guard, rate limit, routing, audit, staff gate, execution), each testable alone. A
 * request from any platform goes through the same chain, so a rule is written once and holds everywhere.
 */
package org.ccnsobot.kernel;
