package org.planledger.events;

/** Which way an indicator should move; MONITOR for "monitor progress at county level". */
public enum Direction { REDUCE, INCREASE, MONITOR }
