// The sv texts: the core file plus one file per feature, so features can grow their texts independently.
import core from './sv.json';
import schedule from './features/schedule.sv.json';
import announcements from './features/announcements.sv.json';
import slip from './features/slip.sv.json';
import visitors from './features/visitors.sv.json';
import followUps from './features/followUps.sv.json';
import daylogViews from './features/daylogViews.sv.json';
import adminLists from './features/adminLists.sv.json';
import outboxReview from './features/outboxReview.sv.json';
import feedbackCollect from './features/feedbackCollect.sv.json';
import feedbackForms from './features/feedbackForms.sv.json';
import groups from './features/groups.sv.json';
import report from './features/report.sv.json';
import pilots from './features/pilots.sv.json';
import daylogEntry from './features/daylogEntry.sv.json';
import offlineList from './features/offlineList.sv.json';
import encounterForm from './features/encounterForm.sv.json';
import reportFreshness from './features/reportFreshness.sv.json';
import corrections from './features/corrections.sv.json';
import municipalities from './features/municipalities.sv.json';
import clients from './features/clients.sv.json';
import structural from './features/structural.sv.json';

export default { ...core, schedule, announcements, slip, visitors, followUps, daylogViews, adminLists, outboxReview, feedbackCollect, feedbackForms, groups, report, pilots, daylogEntry, offlineList, encounterForm, reportFreshness, corrections, municipalities, clients, structural };
