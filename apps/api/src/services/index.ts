import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Database } from '@clockin/db';
import { DevMailbox } from '@clockin/email';
import { sql, type Kysely } from 'kysely';
import type { ApiConfig } from '../config.ts';
import type { AccountJobSender } from '../jobs/account-jobs.ts';
import type { MaintenanceTask } from '../jobs/account-worker.ts';
import type { DistrictExportQueue } from '../jobs/queue.ts';
import type { RevocationList } from '../revocations.ts';
import { AccountService } from './account.ts';
import { ApplicationService } from './applications.ts';
import { EmployerApplicationService } from './employer-applications.ts';
import { EmployerProfileService } from './employer-profiles.ts';
import { MessageService } from './messages.ts';
import { NotificationService } from './notifications.ts';
import { ReportService } from './reports.ts';
import { DistrictExportService } from './district-exports.ts';
import { DistrictPartnershipService } from './district-partnerships.ts';
import { DistrictService } from './districts.ts';
import { ListingSearchService } from './listing-search.ts';
import { expireListings, ListingService } from './listings.ts';
import { ReviewService } from './reviews.ts';
import { SchoolService } from './schools.ts';
import { SessionService } from './sessions.ts';
import { StudentService } from './students.ts';
import { InvitationService } from './invitations.ts';
import { OrganizationIdentity } from './organization-identity.ts';
import { OrganizationTeamService } from './organization-team.ts';
import { OrganizationVerificationService } from './organization-verification.ts';
import { OrganizationService } from './organizations.ts';

export function createServices(
  db: Kysely<Database>,
  identity: CognitoIdentityProviderClient,
  config: ApiConfig,
  revocations: RevocationList,
  exportQueue: DistrictExportQueue | null = null,
  accountJobs: AccountJobSender | null = null,
) {
  const mailbox = config.mailboxDir ? new DevMailbox(config.mailboxDir) : null;
  const notifications = new NotificationService(db, mailbox, config.webUrl);
  const organizationIdentity = new OrganizationIdentity(identity, config, revocations);
  const applications = new ApplicationService(db, notifications);
  return {
    accounts: new AccountService(db, identity, config, revocations, accountJobs),
    applications,
    employerApplications: new EmployerApplicationService(db, notifications),
    employerProfiles: new EmployerProfileService(db),
    messages: new MessageService(db, notifications),
    notifications,
    reports: new ReportService(db, notifications),
    districts: new DistrictService(db),
    districtExports: new DistrictExportService(db, exportQueue, config.districtExports?.directory ?? null),
    districtPartnerships: new DistrictPartnershipService(db, identity, config, mailbox),
    listings: new ListingService(db),
    listingSearch: new ListingSearchService(db),
    reviews: new ReviewService(db),
    schools: new SchoolService(db),
    sessions: new SessionService(db, identity, config, revocations),
    students: new StudentService(db, identity),
    organizations: new OrganizationService(db, organizationIdentity),
    organizationTeam: new OrganizationTeamService(db, organizationIdentity, mailbox, config),
    organizationVerification: new OrganizationVerificationService(db),
    invitations: new InvitationService(db, organizationIdentity),
    mailbox,
    /** Periodic work for the maintenance job: each task takes the time and returns how much it did. */
    maintenanceTasks: (): MaintenanceTask[] => [
      { name: 'expire-listings', run: async (now) => (await expireListings(db, now)).length },
      {
        name: 'close-stale-applications',
        run: async (now) => (await applications.closeStaleApplications(now)).length,
      },
      { name: 'send-held-digests', run: async (now) => (await notifications.sendHeldDigests(now)).sent },
      { name: 'deliver-pending-emails', run: async (now) => (await notifications.deliverPending(now)).sent },
    ],
    /** Returns true when the database responds to a trivial query. */
    checkDatabase: async (): Promise<boolean> => {
      try {
        await sql`SELECT 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
  };
}

export type Services = ReturnType<typeof createServices>;
