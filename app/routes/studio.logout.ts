import { redirect } from 'react-router'
import type { Route } from './+types/studio.logout'
import { destroyProducerSession } from '~/lib/auth/session.server'

// Sign out is a POST (a link or image cannot sign anyone out); GET just goes to the studio.

export function loader() {
  return redirect('/studio')
}

export async function action({ request }: Route.ActionArgs) {
  return destroyProducerSession(request)
}
