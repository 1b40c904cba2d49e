package org.planledger.events;

import java.math.BigDecimal;

/** "9.7% (2012/2013 Police Local Survey)": value 9.7, period "2012/13", source, and the words as written. */
public record Baseline(BigDecimal value, String period, String source, String text) {
}
