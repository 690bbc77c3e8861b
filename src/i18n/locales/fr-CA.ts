import type { Catalogue } from '../en.js';
import france from './fr-FR.js';

/**
 * French (Canada): the French catalogue with Quebec usage (courriel, pointage) and no space before
 * ? ! ; (OQLF). A Canadian page downloads both files; only what differs is written here.
 */
const catalogue: Catalogue = {
  ...france,
  'leaderboard.colScore': 'Pointage',
  'leaderboard.empty': 'Aucun pointage pour l’instant. Participez et vos points s’afficheront ici!',
  'leaderboard.emptyScheduled': 'Les pointages s’afficheront ici dès le début.',
  'room.intro': 'Rejoignez la salle pour participer. Votre navigateur vous demandera ensuite l’accès à votre caméra et à votre microphone.',
  'prefs.listLabel': 'Préférences de courriel',
  'prefs.unsaved': 'Vos préférences de courriel ne sont pas enregistrées.',
  'prefs.confirmAllQuestion': 'Ne plus recevoir aucun de ces courriels? Vous pourrez les réactiver ici à tout moment.',
  'prefs.linkMissing': 'Cette page a besoin du lien de votre courriel. Veuillez rouvrir le lien à partir du courriel.',
  'prefs.linkExpiredHelp': 'Ce lien a expiré. Ouvrez notre courriel le plus récent et utilisez son lien.',
  'prefs.noGroups': 'Cette page n’est pas configurée correctement : elle ne propose aucune préférence de courriel.',
  'prefs.oneClickQuestion': 'Se désabonner de « {group} »?',
  'prefs.manageAll': 'Gérer toutes les préférences de courriel',
};

export default catalogue;
