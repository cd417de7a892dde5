import type { RouteConfig } from '@react-router/dev/routes'
import { flatRoutes } from '@react-router/fs-routes'

// File-based routes (app/routes/*): each feature adds files without touching a shared list.
export default flatRoutes() satisfies RouteConfig
