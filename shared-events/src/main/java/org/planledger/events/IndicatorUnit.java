package org.planledger.events;

public enum IndicatorUnit { PERCENT, COUNT, RATE, TEXT }
