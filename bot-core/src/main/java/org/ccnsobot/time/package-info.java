/** Time sources: a clock that can be pinned and moved (the console's --now, tests), never a real sleep. */
package org.ccnsobot.time;
