import type { Message } from '../messages.js';

/** English text of <kal-unsubscribe-prefs> (translations: src/i18n/locales/). */
export const prefsMessages = {
  'prefs.listLabel': 'Email preferences',
  'prefs.on': 'On',
  'prefs.off': 'Off',
  'prefs.save': 'Save preferences',
  'prefs.saving': 'Saving…',
  'prefs.saved': 'Preferences saved',
  'prefs.unsaved': 'You have unsaved email preferences.',
  'prefs.unsubscribeAll': 'Unsubscribe from all',
  'prefs.confirmAllQuestion': 'Stop all of these emails? You can turn them back on here at any time.',
  'prefs.confirmAll': 'Yes, unsubscribe from all',
  'prefs.cancel': 'Cancel',
  'prefs.saveFailed': 'Your choices were not saved. {reason}',
  'prefs.offline': 'You are offline: we will save when you reconnect',
  'prefs.linkExpired': 'This link has expired: request a new one',
  'prefs.linkExpiredHelp': 'This link has expired. Open the most recent email from us and use its link.',
  'prefs.requestLink': 'Get a new link',
  'prefs.linkMissing': 'This page needs the link from your email. Please open the link in the email again.',
  'prefs.noGroups': 'This page is not set up correctly: it lists no email preferences.',
  'prefs.oneClickQuestion': 'Unsubscribe from “{group}”?',
  'prefs.oneClickConfirm': 'Confirm unsubscribe',
  'prefs.oneClickDone': 'You are unsubscribed from “{group}”.',
  'prefs.oneClickAlready': 'You are already unsubscribed from “{group}”.',
  'prefs.manageAll': 'Manage all email preferences',
} satisfies Record<string, Message>;
