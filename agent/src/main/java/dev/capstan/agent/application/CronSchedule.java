package dev.capstan.agent.application;

import java.text.ParseException;
import java.time.ZoneId;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * A standard five-field cron expression ({@code minute hour day-of-month month day-of-week}, as in
 * Kubernetes CronJobs and Argo CD sync windows) translated to Quartz's notation, which has a seconds
 * field, numbers days of the week from 1 (Sunday) and needs {@code ?} in one of the two day fields.
 */
public final class CronSchedule {
  private CronSchedule() {}

  public static CronExpression parse(String fiveFields, ZoneId zone) {
    String[] f = fiveFields == null ? new String[0] : fiveFields.trim().split("\\s+");
    if (f.length != 5) {
      throw new IllegalArgumentException(
          "invalid schedule \"" + fiveFields + "\": expected five fields (minute hour day-of-month month day-of-week)");
    }
    String dayOfMonth = f[2];
    String dayOfWeek = shiftDaysOfWeek(f[4]);
    if (dayOfWeek.equals("*")) {
      dayOfWeek = "?";
    } else if (dayOfMonth.equals("*")) {
      dayOfMonth = "?";
    } else {
      throw new IllegalArgumentException(
          "invalid schedule \"" + fiveFields + "\": day-of-month and day-of-week cannot both be restricted");
    }
    String quartz = String.join(" ", "0", f[0], f[1], dayOfMonth, f[3], dayOfWeek);
    try {
      CronExpression expression = new CronExpression(quartz);
      expression.setTimeZone(TimeZone.getTimeZone(zone));
      return expression;
    } catch (ParseException e) {
      throw new IllegalArgumentException("invalid schedule \"" + fiveFields + "\": " + e.getMessage());
    }
  }

  /** Cron numbers Sunday 0 (or 7) to Saturday 6; Quartz numbers Sunday 1 to Saturday 7. */
  private static String shiftDaysOfWeek(String field) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < field.length()) {
      char c = field.charAt(i);
      boolean stepFollows = i > 0 && field.charAt(i - 1) == '/';
      if (Character.isDigit(c) && !stepFollows) {
        int j = i;
        while (j < field.length() && Character.isDigit(field.charAt(j))) {
          j++;
        }
        int day = Integer.parseInt(field.substring(i, j));
        if (day > 7) {
          throw new IllegalArgumentException("invalid day of week " + day + " in \"" + field + "\"");
        }
        out.append(day % 7 + 1);
        i = j;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
