package io.paas.controller.server;

import io.paas.controller.addons.smtp.SmtpPlan;
import io.paas.controller.addons.smtp.SmtpProvider;
import io.paas.controller.mail.MailAccount;
import io.paas.controller.mail.MailAccounts;
import io.paas.controller.store.AddonStore;
import io.vertx.core.Future;
import java.util.Optional;

/** SMTP logins are the smtp addons: the user name is the addon's name, the password its sealed credential. */
final class AddonMailAccounts implements MailAccounts {
  private final AddonStore addons;

  AddonMailAccounts(AddonStore addons) {
    this.addons = addons;
  }

  @Override
  public Future<Optional<MailAccount>> find(String username) {
    return addons.byName(username).map(found -> found
        .filter(addon -> addon.service().equals("smtp"))
        .map(addon -> new MailAccount(addon.appId(), addon.name(), addon.credentials().get(SmtpProvider.PASSWORD),
            SmtpPlan.named(addon.plan()).dailyLimit())));
  }
}
