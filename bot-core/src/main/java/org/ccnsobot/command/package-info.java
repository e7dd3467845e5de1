/**
 * The command engine: commands declared once as data (name, aliases, typed options, examples, staff-only), run as
 * parse, validate, execute. Adapters derive their native forms (slash commands, help) from the same declarations.
 */
package org.ccnsobot.command;
