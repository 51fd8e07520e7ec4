// The en texts: the core file plus one file per feature, so features can grow their texts independently.
import core from './en.json';
import schedule from './features/schedule.en.json';
import announcements from './features/announcements.en.json';
import slip from './features/slip.en.json';
import visitors from './features/visitors.en.json';
import followUps from './features/followUps.en.json';
import daylogViews from './features/daylogViews.en.json';
import adminLists from './features/adminLists.en.json';
import outboxReview from './features/outboxReview.en.json';
import feedbackCollect from './features/feedbackCollect.en.json';
import feedbackForms from './features/feedbackForms.en.json';
import groups from './features/groups.en.json';
import report from './features/report.en.json';
import pilots from './features/pilots.en.json';
import daylogEntry from './features/daylogEntry.en.json';
import offlineList from './features/offlineList.en.json';
import encounterForm from './features/encounterForm.en.json';
import reportFreshness from './features/reportFreshness.en.json';
import corrections from './features/corrections.en.json';
import municipalities from './features/municipalities.en.json';
import clients from './features/clients.en.json';
import structural from './features/structural.en.json';

export default { ...core, schedule, announcements, slip, visitors, followUps, daylogViews, adminLists, outboxReview, feedbackCollect, feedbackForms, groups, report, pilots, daylogEntry, offlineList, encounterForm, reportFreshness, corrections, municipalities, clients, structural };
