package io.paas.controller.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRulesTest {
  @Test
  void aLongUncommonPasswordPasses() {
    assertThat(PasswordRules.problem("ann@example.com", "correct horse battery")).isEmpty();
    assertThat(PasswordRules.problem("ann@example.com", "é".repeat(36))).as("72 bytes").isEmpty();
  }

  @Test
  void eachBrokenRuleIsNamed() {
    refused("ann@example.com", null, "required");
    refused("ann@example.com", "nine-char", "at least 10 characters");
    refused("ann@example.com", "é".repeat(37), "at most 72 bytes");
    refused("ann@example.com", "x".repeat(73), "at most 72 bytes");
    refused("ann.smith.1@example.com", "ANN.smith.1@example.com", "email");
    refused("ann.smith.1@example.com", "ann.smith.1", "email");
    refused("ann@example.com", "Password123", "common");
    refused("ann@example.com", "qwertyuiop", "common");
  }

  private static void refused(String email, String password, String says) {
    assertThat(PasswordRules.problem(email, password)).as(password).hasValueSatisfying(
        problem -> assertThat(problem).contains(says));
  }
}
