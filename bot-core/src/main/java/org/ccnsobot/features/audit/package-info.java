/**
 * The audit log: every staff attempt (done, failed, refused), the audit command, and the CSV export.
 */
package org.ccnsobot.features.audit;
