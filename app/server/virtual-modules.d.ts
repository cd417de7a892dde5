// Provided by the React Router Vite plugin: the app's routes, entry and assets manifest.
declare module 'virtual:react-router/server-build'
