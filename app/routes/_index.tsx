import type { Route } from './+types/_index'

export const meta: Route.MetaFunction = () => [{ title: 'Beats · Beatstall' }]

export default function Catalog() {
  return <h1 className="text-3xl font-bold">Beats</h1>
}
