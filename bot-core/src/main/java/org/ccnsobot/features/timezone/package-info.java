/**
 * Time zones: the zone each member reads times in, shown and set with the timezone command.
 */
package org.ccnsobot.features.timezone;
