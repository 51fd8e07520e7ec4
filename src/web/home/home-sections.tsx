import { useTranslation } from 'react-i18next';
import { AppLink } from '../common/app-link';
import { ButtonLink } from '../common/button-link';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { useSites } from '../api/org';
import { ErrorAlert } from '../common/error-alert';
import { siteKindLabel } from '../common/labels';
import { may } from '../auth/abilities';
import { useAbilities } from '../auth/use-abilities';
import { Loading } from '../common/loading';
import { TodaySessions } from '../encounters/today-sessions';
import { DueClients } from './due-clients';
import { DueCounts } from './due-counts';
import { StructuralHomeSection } from '../structural/home-section';

export function AdminSection() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="home-admin" className="home-section">
      <Heading variant="h2" id="home-admin" mb="s">
        {t('home.adminHeading')}
      </Heading>
      <Paragraph mb="s">{t('home.adminIntro')}</Paragraph>
      <ul className="link-list">
        <li>
          <AppLink to="/admin/sites">{t('home.adminSites')}</AppLink>
        </li>
        <li>
          <AppLink to="/admin/users">{t('home.adminUsers')}</AppLink>
        </li>
        <li>
          <AppLink to="/admin/codes">{t('home.adminCodes')}</AppLink>
        </li>
        <li>
          <AppLink to="/admin/services">{t('home.adminServices')}</AppLink>
        </li>
        <li>
          <AppLink to="/audit">{t('home.auditLink')}</AppLink>
        </li>
      </ul>
    </section>
  );
}

/**
 * Client work's clocks: a worker's own clients with steps due soon or overdue, and a coordinator's
 * counts per site and clock — each for those whose abilities carry the action the API asks for.
 */
export function ClientClockSections() {
  const abilities = useAbilities();
  return (
    <>
      {may(abilities, 'client.list') && <DueClients />}
      {may(abilities, 'client.counts') && <DueCounts />}
    </>
  );
}

export function AuditSection() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="home-audit" className="home-section">
      <Heading variant="h2" id="home-audit" mb="s">
        {t('home.auditHeading')}
      </Heading>
      <Paragraph mb="s">{t('home.auditIntro')}</Paragraph>
      <AppLink to="/audit">{t('home.auditLink')}</AppLink>
    </section>
  );
}

function SiteList() {
  const { t } = useTranslation();
  const sites = useSites();
  if (sites.isPending) return <Loading />;
  if (sites.isError) return <ErrorAlert error={sites.error} />;
  if (sites.data.length === 0) return <Paragraph>{t('home.noSites')}</Paragraph>;
  return (
    <ul className="plain-list">
      {sites.data.map((site) => (
        <li key={site.id}>
          <strong>{site.name}</strong> <span className="muted">{t('home.siteKind', { kind: siteKindLabel(t, site.kind) })}</span>
          <br />
          <AppLink to={`/announcements/${site.id}`}>{t('home.announcementLink', { site: site.name })}</AppLink>
        </li>
      ))}
    </ul>
  );
}

/** The report and the pilots; recording pilots and correcting entries for those who may. */
function ReportsSection() {
  const { t } = useTranslation();
  const abilities = useAbilities();
  return (
    <section aria-labelledby="home-reports" className="home-section">
      <Heading variant="h2" id="home-reports" mb="s">
        {t('home.reportsHeading')}
      </Heading>
      <ul className="link-list">
        <li>
          <AppLink to="/reports">{t('home.reportLink')}</AppLink>
        </li>
        <li>
          <AppLink to="/pilots">{t('home.pilotsLink')}</AppLink>
        </li>
        {may(abilities, 'pilot.manage') && (
          <li>
            <AppLink to="/pilots/new">{t('home.newPilotLink')}</AppLink>
          </li>
        )}
        {may(abilities, 'good_practice.read') && (
          <li>
            <AppLink to="/good-practices">{t('goodPractices.title')}</AppLink>
          </li>
        )}
        {may(abilities, 'encounter.correct') && (
          <li>
            <AppLink to="/encounters/corrections">{t('home.correctionsLink')}</AppLink>
          </li>
        )}
      </ul>
    </section>
  );
}

/** Field work: encounters, the schedule, the day log, groups and feedback, the sites, the report and the pilots. */
export function FieldWorkSection() {
  const { t } = useTranslation();
  const abilities = useAbilities();
  // Those who record encounters go to sessions: their own schedule is theirs to see.
  const recordsEncounters = may(abilities, 'encounter.create');
  return (
    <>
      <StructuralHomeSection />
      {recordsEncounters && (
        <section aria-labelledby="home-encounters" className="home-section">
          <Heading variant="h2" id="home-encounters" mb="s">
            {t('home.encountersHeading')}
          </Heading>
          <TodaySessions />
          <div className="page-actions">
            <ButtonLink to="/encounters/new">{t('encounters.record')}</ButtonLink>
          </div>
          <ul className="link-list">
            <li>
              <AppLink to="/encounters">{t('encounters.todayLink')}</AppLink>
            </li>
            <li>
              <AppLink to="/follow-ups">{t('home.followUpsLink')}</AppLink>
            </li>
            <li>
              <AppLink to="/visitors">{t('home.visitorsLink')}</AppLink>
            </li>
          </ul>
        </section>
      )}
      <section aria-labelledby="home-schedule" className="home-section">
        <Heading variant="h2" id="home-schedule" mb="s">
          {t('home.scheduleHeading')}
        </Heading>
        <ul className="link-list">
          <li>
            <AppLink to="/schedule">{t('home.scheduleLink')}</AppLink>
          </li>
          {recordsEncounters && (
            <li>
              <AppLink to="/schedule/mine">{t('home.myScheduleLink')}</AppLink>
            </li>
          )}
          <li>
            <AppLink to="/schedule/new">{t('home.planLink')}</AppLink>
          </li>
        </ul>
      </section>
      <section aria-labelledby="home-daylog" className="home-section">
        <Heading variant="h2" id="home-daylog" mb="s">
          {t('daylog.title')}
        </Heading>
        {may(abilities, 'daylog.write') && (
          <div className="page-actions">
            <ButtonLink to="/daylog">{t('daylog.link')}</ButtonLink>
          </div>
        )}
        <ul className="link-list">
          {/* The encounters section above already links the visitors. */}
          {may(abilities, 'visitor_code.issue') && !recordsEncounters && (
            <li>
              <AppLink to="/visitors">{t('home.visitorsLink')}</AppLink>
            </li>
          )}
          {may(abilities, 'daylog.read') && (
            <li>
              <AppLink to="/daylog/month">{t('home.daylogMonthLink')}</AppLink>
            </li>
          )}
        </ul>
      </section>
      <section aria-labelledby="home-groups-feedback" className="home-section">
        <Heading variant="h2" id="home-groups-feedback" mb="s">
          {t('home.groupsFeedbackHeading')}
        </Heading>
        <ul className="link-list">
          <li>
            <AppLink to="/groups">{t('home.groupsLink')}</AppLink>
          </li>
          <li>
            <AppLink to="/feedback">{t('home.feedbackLink')}</AppLink>
          </li>
          <li>
            <AppLink to="/feedback/collect">{t('home.collectLink')}</AppLink>
          </li>
        </ul>
      </section>
      <section aria-labelledby="home-sites" className="home-section">
        <Heading variant="h2" id="home-sites" mb="s">
          {t('home.sitesHeading')}
        </Heading>
        <SiteList />
      </section>
      <ReportsSection />
    </>
  );
}
