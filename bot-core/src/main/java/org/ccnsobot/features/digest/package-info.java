/**
 * The weekly digest: the week's events and the committee updates since the last digest, posted once a week at its
 * configured day and time as an outbox job.
 */
package org.ccnsobot.features.digest;
