// The Finnish texts the app shell needs before any page has loaded: the sign-in page, header, menus,
// errors and the outbox notice. The whole bundle-fi.ts (every feature's texts) loads with the first
// page (loadPageTexts in i18n.ts), so a feature's texts never ride on the first route.
import core from './fi.json';
import outboxReview from './features/outboxReview.fi.json';
// The sign-in page's organisation sign-in and the signed-in "no rights yet" page come before any page's texts.
import oidcSignIn from './features/oidcSignIn.fi.json';

export default { ...core, outboxReview, oidcSignIn };
