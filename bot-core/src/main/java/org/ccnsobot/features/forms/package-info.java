/**
 * Staff forms: the {@code forms} menu (buttons that open the add-event and announcement forms, or an event's edit
 * and move forms) and the stored values of refused submissions behind "Fix it". The forms themselves are declared
 * by the features whose commands they fill in; the kernel's {@code Forms} opens and keeps them.
 */
package org.ccnsobot.features.forms;
