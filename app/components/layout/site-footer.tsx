export function SiteFooter() {
  return (
    <footer className="border-t border-line py-6 text-center text-xs text-muted">
      Beatstall · licenses you can read · instant downloads
    </footer>
  )
}
