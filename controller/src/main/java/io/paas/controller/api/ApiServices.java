package io.paas.controller.api;

import io.paas.controller.access.AppAccess;
import io.paas.controller.access.AppTransfers;
import io.paas.controller.access.Collaborators;
import io.paas.controller.access.Teams;
import io.paas.controller.addons.AddonService;
import io.paas.controller.audit.AuditLog;
import io.paas.controller.auth.Accounts;
import io.paas.controller.auth.ApiTokens;
import io.paas.controller.auth.SignUps;
import io.paas.controller.cluster.AgentStore;
import io.paas.controller.cluster.PlacementStore;
import io.paas.controller.deploy.AppLifecycle;
import io.paas.controller.deploy.AppSettingsService;
import io.paas.controller.deploy.AppUrls;
import io.paas.controller.deploy.DomainService;
import io.paas.controller.deploy.DynoService;
import io.paas.controller.deploy.FormationService;
import io.paas.controller.deploy.ReleaseService;
import io.paas.controller.logs.LogHub;
import io.paas.controller.logs.drains.DrainService;
import io.paas.controller.mail.MailStore;
import io.paas.controller.metrics.AppMetrics;
import io.paas.controller.quota.QuotaUsage;
import io.paas.controller.quota.Quotas;
import io.paas.controller.store.BuildStore;
import io.paas.controller.store.ReleaseStore;

/** What the API's handlers work with. */
public record ApiServices(Accounts accounts, ApiTokens tokens, SignUps signUps, AppAccess access, Teams teams,
                          Collaborators collaborators, AppTransfers transfers, AppLifecycle lifecycle,
                          AppSettingsService settings, DomainService domains,
                          AddonService addons, BuildStore builds,
                          ReleaseStore releases, ReleaseService releaseService, FormationService formations,
                          DynoService dynos, AgentStore agents, PlacementStore placements, LogHub logs,
                          int maxLogLines, AppUrls urls, MailStore mail, DrainService logDrains, Quotas quotas,
                          QuotaUsage quotaUsage, AuditLog audit, AppMetrics metrics) {
}
