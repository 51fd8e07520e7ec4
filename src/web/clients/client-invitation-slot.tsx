import type { ClientDetail } from '../../domain/clients/schemas';

/**
 * The place on the client page for inviting the client (and people close to them) to sign in: the
 * invitation work (issue 18 item 4) plugs its section in here at merge. Renders nothing until then.
 */
export function ClientInvitationSlot(_props: { client: ClientDetail }) {
  return null;
}
