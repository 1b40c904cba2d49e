package org.planledger.events;

/** MONEY: a money-valued measure ("cost of crime"), its readings' value in pence. */
public enum IndicatorUnit { PERCENT, COUNT, RATE, TEXT, MONEY }
