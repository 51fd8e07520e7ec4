import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { LoginPage } from './auth/login-page';
import { RequireAuth } from './auth/require-auth';
import { RequireAbility } from './auth/require-ability';
import { AppLayout } from './layout/app-layout';
import { lazyPage } from './lazy-page';
import { CLIENT_RECORD_ROUTE } from './client-record/paths';

// Every page loads on demand with its texts, so the sign-in page stays small on a slow phone.
// The not-found page needs only the shell's texts.
const NotFoundPage = lazy(() => import('./layout/not-found-page').then((m) => ({ default: m.NotFoundPage })));
const HomePage = lazyPage(() => import('./home/home-page').then((m) => ({ default: m.HomePage })));
const SitesPage = lazyPage(() => import('./sites/sites-page').then((m) => ({ default: m.SitesPage })));
const SiteCreatePage = lazyPage(() => import('./sites/site-create-page').then((m) => ({ default: m.SiteCreatePage })));
const SiteEditPage = lazyPage(() => import('./sites/site-edit-page').then((m) => ({ default: m.SiteEditPage })));
const UsersPage = lazyPage(() => import('./users/users-page').then((m) => ({ default: m.UsersPage })));
const UserCreatePage = lazyPage(() => import('./users/user-create-page').then((m) => ({ default: m.UserCreatePage })));
const UserEditPage = lazyPage(() => import('./users/user-edit-page').then((m) => ({ default: m.UserEditPage })));
const AuditPage = lazyPage(() => import('./audit/audit-page').then((m) => ({ default: m.AuditPage })));
const EncounterNewPage = lazyPage(() =>
  import('./encounters/encounter-new-page').then((m) => ({ default: m.EncounterNewPage })),
);
const EncounterEditPage = lazyPage(() => import('./encounters/encounter-edit-page').then((m) => ({ default: m.EncounterEditPage })));
const EncountersPage = lazyPage(() => import('./encounters/encounters-page').then((m) => ({ default: m.EncountersPage })));
const DaylogPage = lazyPage(() => import('./daylog/daylog-page').then((m) => ({ default: m.DaylogPage })));
const SchedulePage = lazyPage(() => import('./schedule/schedule-page').then((m) => ({ default: m.SchedulePage })));
const MySchedulePage = lazyPage(() => import('./schedule/my-schedule-page').then((m) => ({ default: m.MySchedulePage })));
const SessionPlanPage = lazyPage(() => import('./schedule/session-plan-page').then((m) => ({ default: m.SessionPlanPage })));
const SessionEditPage = lazyPage(() => import('./schedule/session-edit-page').then((m) => ({ default: m.SessionEditPage })));
const AnnouncementsPage = lazyPage(() => import('./announcements/announcements-page').then((m) => ({ default: m.AnnouncementsPage })));
const PosterPage = lazyPage(() => import('./announcements/poster-page').then((m) => ({ default: m.PosterPage })));
const SlipConfirmPage = lazyPage(() => import('./slip/slip-confirm-page').then((m) => ({ default: m.SlipConfirmPage })));
const ReferralSlipPage = lazyPage(() => import('./slip/referral-slip-page').then((m) => ({ default: m.ReferralSlipPage })));
const VisitorsPage = lazyPage(() => import('./visitors/visitors-page').then((m) => ({ default: m.VisitorsPage })));
const VisitorCardPage = lazyPage(() => import('./visitors/visitor-card-page').then((m) => ({ default: m.VisitorCardPage })));
const FollowUpsPage = lazyPage(() => import('./followups/follow-ups-page').then((m) => ({ default: m.FollowUpsPage })));
const DaylogMonthPage = lazyPage(() => import('./daylog/daylog-month-page').then((m) => ({ default: m.DaylogMonthPage })));
const CodesAdminPage = lazyPage(() => import('./admin-lists/codes-admin-page').then((m) => ({ default: m.CodesAdminPage })));
const ServicesAdminPage = lazyPage(() => import('./admin-lists/services-admin-page').then((m) => ({ default: m.ServicesAdminPage })));
const MunicipalitiesAdminPage = lazyPage(() => import('./municipalities/municipalities-admin-page').then((m) => ({ default: m.MunicipalitiesAdminPage })));
const ObservationsPage = lazyPage(() => import('./structural/observations-page').then((m) => ({ default: m.ObservationsPage })));
const ObservationFormPage = lazyPage(() => import('./structural/observation-form-page').then((m) => ({ default: m.ObservationFormPage })));
const ObservationPage = lazyPage(() => import('./structural/observation-page').then((m) => ({ default: m.ObservationPage })));
const QuarterlyPage = lazyPage(() => import('./structural/quarterly-page').then((m) => ({ default: m.QuarterlyPage })));
const YearlyPage = lazyPage(() => import('./structural/yearly-page').then((m) => ({ default: m.YearlyPage })));
const IndicatorsPage = lazyPage(() => import('./indicators/indicators-page').then((m) => ({ default: m.IndicatorsPage })));
const OutboxReviewPage = lazyPage(() => import('./offline/outbox-review-page').then((m) => ({ default: m.OutboxReviewPage })));
const KioskPage = lazyPage(() => import('./feedback-collect/kiosk-page').then((m) => ({ default: m.KioskPage })));
const LinkAnswerPage = lazyPage(() => import('./feedback-collect/link-answer-page').then((m) => ({ default: m.LinkAnswerPage })));
const CollectPage = lazyPage(() => import('./feedback-collect/collect-page').then((m) => ({ default: m.CollectPage })));
const FeedbackFormsPage = lazyPage(() => import('./feedback-forms/forms-page').then((m) => ({ default: m.FeedbackFormsPage })));
const FormEditPage = lazyPage(() => import('./feedback-forms/form-edit-page').then((m) => ({ default: m.FormEditPage })));
const PaperEntryPage = lazyPage(() => import('./feedback-forms/paper-entry-page').then((m) => ({ default: m.PaperEntryPage })));
const PrintFormPage = lazyPage(() => import('./feedback-forms/print-page').then((m) => ({ default: m.PrintFormPage })));
const ResultsPage = lazyPage(() => import('./feedback-forms/results-page').then((m) => ({ default: m.ResultsPage })));
const GroupsPage = lazyPage(() => import('./groups/groups-page').then((m) => ({ default: m.GroupsPage })));
const SeriesCreatePage = lazyPage(() => import('./groups/series-create-page').then((m) => ({ default: m.SeriesCreatePage })));
const SeriesPage = lazyPage(() => import('./groups/series-page').then((m) => ({ default: m.SeriesPage })));
const AttendancePage = lazyPage(() => import('./groups/attendance-page').then((m) => ({ default: m.AttendancePage })));
const ReportPage = lazyPage(() => import('./reports/report-page').then((m) => ({ default: m.ReportPage })));
const PilotsPage = lazyPage(() => import('./pilots/pilots-page').then((m) => ({ default: m.PilotsPage })));
const PilotPage = lazyPage(() => import('./pilots/pilot-page').then((m) => ({ default: m.PilotPage })));
const PilotCreatePage = lazyPage(() => import('./pilots/pilot-create-page').then((m) => ({ default: m.PilotCreatePage })));
const PilotEditPage = lazyPage(() => import('./pilots/pilot-edit-page').then((m) => ({ default: m.PilotEditPage })));
const ClientRecordPage = lazyPage(() => import('./client-record/client-record-page').then((m) => ({ default: m.ClientRecordPage })));
const CorrectionsPage = lazyPage(() => import('./corrections/corrections-page').then((m) => ({ default: m.CorrectionsPage })));
const ClientsPage = lazyPage(() => import('./clients/clients-page').then((m) => ({ default: m.ClientsPage })));
const ClientNewPage = lazyPage(() => import('./clients/client-new-page').then((m) => ({ default: m.ClientNewPage })));
const ClientPage = lazyPage(() => import('./clients/client-page').then((m) => ({ default: m.ClientPage })));
const PrincipalSignInPage = lazyPage(() => import('./principal/principal-sign-in-page').then((m) => ({ default: m.PrincipalSignInPage })));
const OwnHomePage = lazyPage(() => import('./own/own-home-page').then((m) => ({ default: m.OwnHomePage })));
const InvitationsPage = lazyPage(() => import('./invitations/invitations-page').then((m) => ({ default: m.InvitationsPage })));
const ChatPage = lazyPage(() => import('./chat/chat-page').then((m) => ({ default: m.ChatPage })));
const ChatConsolePage = lazyPage(() => import('./chat/console-page').then((m) => ({ default: m.ChatConsolePage })));
const ChatReportPage = lazyPage(() => import('./chat/report-page').then((m) => ({ default: m.ChatReportPage })));
const AskHelpPage = lazyPage(() => import('./ask-help/ask-help-page').then((m) => ({ default: m.AskHelpPage })));
const HelpAnswersPage = lazyPage(() => import('./ask-help/answers-page').then((m) => ({ default: m.HelpAnswersPage })));
const HelpInboxPage = lazyPage(() => import('./ask-help/inbox-page').then((m) => ({ default: m.HelpInboxPage })));
const HelpRequestPage = lazyPage(() => import('./ask-help/request-page').then((m) => ({ default: m.HelpRequestPage })));
const GoodPracticesPublicPage = lazyPage(() => import('./good-practices/public-page').then((m) => ({ default: m.GoodPracticesPublicPage })));
const GoodPracticesPage = lazyPage(() => import('./good-practices/practices-page').then((m) => ({ default: m.GoodPracticesPage })));
const GoodPracticeEditPage = lazyPage(() => import('./good-practices/edit-page').then((m) => ({ default: m.GoodPracticeEditPage })));
const ChangePasswordPage = lazyPage(() =>
  import('./auth/change-password-page').then((m) => ({ default: m.ChangePasswordPage })),
);

export function AppRoutes() {
  return (
    <Routes>
      {/* Public pages: no sign-in, no personal data. Each brings its own minimal chrome (and print layout). */}
      <Route path="announcements/:siteId" element={<Suspense fallback={null}><AnnouncementsPage /></Suspense>} />
      <Route path="announcements/:siteId/poster" element={<Suspense fallback={null}><PosterPage /></Suspense>} />
      {/* The short address a person can type (issue 17 item 17); the long links above keep working. */}
      <Route path="s/:slug" element={<Suspense fallback={null}><AnnouncementsPage /></Suspense>} />
      <Route path="s/:slug/poster" element={<Suspense fallback={null}><PosterPage /></Suspense>} />
      <Route path="slip/:code" element={<Suspense fallback={null}><SlipConfirmPage /></Suspense>} />
      {/* The region's anonymous chat (issue 19 item 3). */}
      <Route path="chat/:regionId" element={<Suspense fallback={null}><ChatPage /></Suspense>} />
      {/* Feedback from visitors: the kiosk tablet and the QR link on a visitor's own phone. */}
      <Route path="kiosk" element={<Suspense fallback={null}><KioskPage /></Suspense>} />
      <Route path="f/:token" element={<Suspense fallback={null}><LinkAnswerPage /></Suspense>} />
      {/* Clients and external members: their own sign-in (no bank ID) and pages, with a session of their own. */}
      <Route path="asiakas" element={<Suspense fallback={null}><PrincipalSignInPage /></Suspense>} />
      <Route path="oma" element={<Suspense fallback={null}><OwnHomePage /></Suspense>} />
      {/* Ask for help without e-mail: the region's form (its link sits on the municipality's site) and the way back with a receipt code. */}
      <Route path="apua/vastaukset" element={<Suspense fallback={null}><HelpAnswersPage /></Suspense>} />
      <Route path="apua/:regionId" element={<Suspense fallback={null}><AskHelpPage /></Suspense>} />
      <Route path="hyvat-kaytannot/:regionId" element={<Suspense fallback={null}><GoodPracticesPublicPage /></Suspense>} />
      <Route element={<AppLayout />}>
        <Route path="login" element={<LoginPage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<HomePage />} />
          <Route path="account/password" element={<ChangePasswordPage />} />
          <Route path="outbox" element={<OutboxReviewPage />} />
          <Route path="schedule" element={<SchedulePage />} />
          <Route path="schedule/mine" element={<MySchedulePage />} />
          {/* Each page under the action its API asks for (the server route's `config.access`). */}
          <Route element={<RequireAbility anyOf={['session.manage']} />}>
            <Route path="schedule/new" element={<SessionPlanPage />} />
            <Route path="schedule/sessions/:sessionId" element={<SessionEditPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['group.manage']} />}>
            <Route path="groups" element={<GroupsPage />} />
            <Route path="groups/new" element={<SeriesCreatePage />} />
            <Route path="groups/:seriesId" element={<SeriesPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['feedback.collect']} />}>
            <Route path="feedback" element={<FeedbackFormsPage />} />
            <Route path="feedback/collect" element={<CollectPage />} />
            <Route path="feedback/forms/:formId/paper" element={<PaperEntryPage />} />
            <Route path="feedback/forms/:formId/print" element={<PrintFormPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['feedback.results']} />}>
            <Route path="feedback/forms/:formId/results" element={<ResultsPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['client.export']} />}>
            <Route path={CLIENT_RECORD_ROUTE} element={<ClientRecordPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['chat.answer']} />}>
            <Route path="chat-console" element={<ChatConsolePage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['chat.report']} />}>
            <Route path="chat-report" element={<ChatReportPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['report.read']} />}>
            <Route path="reports" element={<ReportPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['pilot.read']} />}>
            <Route path="pilots" element={<PilotsPage />} />
            <Route path="pilots/:pilotId" element={<PilotPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['feedback_form.manage']} />}>
            <Route path="feedback/forms/new" element={<FormEditPage />} />
            <Route path="feedback/forms/:formId/edit" element={<FormEditPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['help_request.handle']} />}>
            <Route path="help-requests" element={<HelpInboxPage />} />
            <Route path="help-requests/:requestId" element={<HelpRequestPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['good_practice.read']} />}>
            <Route path="good-practices" element={<GoodPracticesPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['good_practice.manage']} />}>
            <Route path="good-practices/new" element={<GoodPracticeEditPage />} />
            <Route path="good-practices/:practiceId/edit" element={<GoodPracticeEditPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['pilot.manage']} />}>
            <Route path="pilots/new" element={<PilotCreatePage />} />
            <Route path="pilots/:pilotId/edit" element={<PilotEditPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['encounter.correct']} />}>
            <Route path="encounters/corrections" element={<CorrectionsPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['group_attendance.record']} />}>
            <Route path="groups/sessions/:sessionId/attendance" element={<AttendancePage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['site.update']} />}>
            <Route path="admin/sites" element={<SitesPage />} />
            <Route path="admin/sites/new" element={<SiteCreatePage />} />
            <Route path="admin/sites/:siteId" element={<SiteEditPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['user.list']} />}>
            <Route path="admin/users" element={<UsersPage />} />
            <Route path="admin/users/new" element={<UserCreatePage />} />
            <Route path="admin/users/:userId" element={<UserEditPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['code.manage']} />}>
            <Route path="admin/codes" element={<CodesAdminPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['service.manage']} />}>
            <Route path="admin/services" element={<ServicesAdminPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['observation.read']} />}>
            <Route path="structural" element={<ObservationsPage />} />
            <Route path="structural/:observationId" element={<ObservationPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['observation.create']} />}>
            <Route path="structural/new" element={<ObservationFormPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['structural_report.read']} />}>
            <Route path="structural/quarterly" element={<QuarterlyPage />} />
            <Route path="structural/yearly" element={<YearlyPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['indicator.manage']} />}>
            <Route path="indicators" element={<IndicatorsPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['municipality.manage']} />}>
            <Route path="admin/municipalities" element={<MunicipalitiesAdminPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['encounter.create']} />}>
            <Route path="encounters" element={<EncountersPage />} />
            <Route path="encounters/new" element={<EncounterNewPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['encounter.update']} />}>
            <Route path="encounters/:encounterId/edit" element={<EncounterEditPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['referral.read']} />}>
            <Route path="follow-ups" element={<FollowUpsPage />} />
            <Route path="referrals/:referralId/slip" element={<ReferralSlipPage />} />
          </Route>
          {/* Client work: the list and a client's page answer only those related to the client; ids in
              the path, never an identity code. */}
          <Route element={<RequireAbility anyOf={['client.list']} />}>
            <Route path="clients" element={<ClientsPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['client.create']} />}>
            <Route path="clients/new" element={<ClientNewPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['client.read']} />}>
            <Route path="clients/:clientId" element={<ClientPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['daylog.write']} />}>
            <Route path="daylog" element={<DaylogPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['daylog.read']} />}>
            <Route path="daylog/month" element={<DaylogMonthPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['visitor_code.read', 'visitor_code.issue']} />}>
            <Route path="visitors" element={<VisitorsPage />} />
            <Route path="visitors/:code" element={<VisitorCardPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['client.list', 'external_member.invite']} />}>
            <Route path="invitations" element={<InvitationsPage />} />
          </Route>
          <Route element={<RequireAbility anyOf={['audit.read']} />}>
            <Route path="audit" element={<AuditPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
