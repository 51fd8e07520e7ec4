// The fi texts: the core file plus one file per feature, so features can grow their texts independently.
import core from './fi.json';
import schedule from './features/schedule.fi.json';
import announcements from './features/announcements.fi.json';
import slip from './features/slip.fi.json';
import visitors from './features/visitors.fi.json';
import followUps from './features/followUps.fi.json';
import daylogViews from './features/daylogViews.fi.json';
import adminLists from './features/adminLists.fi.json';
import outboxReview from './features/outboxReview.fi.json';
import feedbackCollect from './features/feedbackCollect.fi.json';
import feedbackForms from './features/feedbackForms.fi.json';
import groups from './features/groups.fi.json';
import report from './features/report.fi.json';
import pilots from './features/pilots.fi.json';
import daylogEntry from './features/daylogEntry.fi.json';
import offlineList from './features/offlineList.fi.json';
import encounterForm from './features/encounterForm.fi.json';
import reportFreshness from './features/reportFreshness.fi.json';
import corrections from './features/corrections.fi.json';
import municipalities from './features/municipalities.fi.json';
import clients from './features/clients.fi.json';
import structural from './features/structural.fi.json';

export default { ...core, schedule, announcements, slip, visitors, followUps, daylogViews, adminLists, outboxReview, feedbackCollect, feedbackForms, groups, report, pilots, daylogEntry, offlineList, encounterForm, reportFreshness, corrections, municipalities, clients, structural };
