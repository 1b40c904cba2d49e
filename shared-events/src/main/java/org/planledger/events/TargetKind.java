package org.planledger.events;

/**
 * ABSOLUTE: reach a value ("below 9%", "6"); PERCENT_CHANGE: move by a percentage of the baseline
 * ("5% reduction"); MONITOR_ONLY: no number ("monitor progress at county level").
 */
public enum TargetKind { ABSOLUTE, PERCENT_CHANGE, MONITOR_ONLY }
