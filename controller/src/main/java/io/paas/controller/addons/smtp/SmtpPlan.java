package io.paas.controller.addons.smtp;

import io.paas.controller.addons.AddonPlan;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The smtp addon's plans, the default first; they differ in how many messages an addon may send a UTC day. */
public enum SmtpPlan {
  MINI(200),
  BASIC(2_000),
  PRO(20_000);

  private final int dailyLimit;

  SmtpPlan(int dailyLimit) {
    this.dailyLimit = dailyLimit;
  }

  public String planName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public int dailyLimit() {
    return dailyLimit;
  }

  /** The plan {@code addons:create} was given, like {@code basic}. */
  public static SmtpPlan named(String name) {
    return Arrays.stream(values()).filter(plan -> plan.planName().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No smtp plan " + name + "."));
  }

  static List<AddonPlan> addonPlans() {
    return Arrays.stream(values())
        .map(plan -> new AddonPlan(plan.planName(), String.format(Locale.ROOT, "%,d messages a day", plan.dailyLimit)))
        .toList();
  }
}
