package org.planledger.infra.pages;

import org.planledger.events.RagStatus;
import org.planledger.query.api.RagCounts;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** How the pages write dates, periods, money and RAG for people; used from templates as {@code @pageText}. */
@Component("pageText")
public class PageText {

    static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final Locale UK = Locale.UK;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", UK);
    private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM yyyy", UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", UK);
    private static final int FIRST_LINE_MAX = 240;

    public String date(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** "DELIVERY_LEAD AUDITOR" as "Delivery lead, Auditor". */
    public String roles(List<String> roles) {
        return roles == null ? "" : String.join(", ", roles.stream().map(Viewer::roleName).toList());
    }

    public String month(LocalDate date) {
        return date == null ? "" : SHORT_MONTH.format(date);
    }

    public String instant(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(ZONE));
    }

    /** A note's period; an undated note says so, with the month it is filed under ("undated (filed under June 2013)"). */
    public String notePeriod(String period, boolean undated) {
        return undated ? "undated (filed under " + period(period) + ")" : period(period);
    }

    /** "2012-12" as "December 2012", "2013-02-25" as "25 Feb 2013"; anything else as written. */

    public String period(String period) {
        if (period == null) {
            return "";
        }
        try {
            if (period.length() == 7) {
                return MONTH.format(YearMonth.parse(period));
            }
            return DAY.format(LocalDate.parse(period));
        } catch (DateTimeParseException notADate) {
            return period;
        }
    }

    /** The note's first line, shortened for the board. */
    public String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= FIRST_LINE_MAX ? line : line.substring(0, FIRST_LINE_MAX - 1).stripTrailing() + "…";
    }

    public String money(long pence) {
        NumberFormat pounds = NumberFormat.getCurrencyInstance(UK);
        return pounds.format(BigDecimal.valueOf(pence, 2));
    }

    public String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    public String rag(RagStatus rag) {
        if (rag == null) {
            return "Not rated";
        }
        return switch (rag) {
            case RED -> "Red";
            case AMBER -> "Amber";
            case GREEN -> "Green";
        };
    }

    public String ragClass(RagStatus rag) {
        return rag == null ? "rag rag-none" : "rag rag-" + rag.name().toLowerCase(Locale.ROOT);
    }

    /** "12 actions: 1 red, 3 amber, 6 green, 2 not rated", for a folded priority's summary line. */
    public String ragSummary(RagCounts counts) {
        if (counts == null) {
            return "";
        }
        int total = total(counts);
        return total + (total == 1 ? " action: " : " actions: ") + counts.red() + " red, " + counts.amber() + " amber, "
                + counts.green() + " green, " + counts.unrated() + " not rated";
    }

    /** The one wording, on every page, for the date by which an action's next progress note is due. */
    public String updateDueLabel() {
        return "Next update due";
    }

    /** What the board's "Overdue" flag means. */
    public String overdueMeaning() {
        return "Still open after its end date.";
    }

    /** What the board's "Stale" flag means (the same date as "Next update due"). */
    public String staleMeaning() {
        return "Open and started, but no progress note within one reporting cycle, so its next update is past due.";
    }

    public int total(RagCounts counts) {
        return counts == null ? 0 : counts.red() + counts.amber() + counts.green() + counts.unrated();
    }

    /** "ACTION_ADDED" as "Action added". */
    public String kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return "";
        }
        String words = kind.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** "ProgressRecorded" as "Progress recorded". */
    public String eventType(String type) {
        if (type == null || type.isBlank()) {
            return "";
        }
        StringBuilder words = new StringBuilder().append(type.charAt(0));
        for (int i = 1; i < type.length(); i++) {
            char c = type.charAt(i);
            if (Character.isUpperCase(c)) {
                words.append(' ').append(Character.toLowerCase(c));
            } else {
                words.append(c);
            }
        }
        return words.toString();
    }
}
