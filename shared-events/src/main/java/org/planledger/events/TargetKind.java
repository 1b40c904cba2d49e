package org.planledger.events;

/**
 * ABSOLUTE: reach a value ("below 9%", "6"); PERCENT_CHANGE: move by a percentage of the baseline
 * or of a named period's reading ("3.5% reduction on 2011/12"); MONITOR_ONLY: no number ("monitor
 * progress at county level"); IMPROVE_ON_PREVIOUS: better than the reading before ("fewer than last
 * year"); PEER_COMPARISON: better than the peer group's figure for the same period ("below the Most
 * Similar Group average"). New kinds are added at the end: stored events name kinds by name.
 */
public enum TargetKind { ABSOLUTE, PERCENT_CHANGE, MONITOR_ONLY, IMPROVE_ON_PREVIOUS, PEER_COMPARISON }
