import { useNavigate } from 'react-router'

/**
 * Client-side navigation for plain <a href="/..."> inside a list of cards, through one delegated
 * click handler. A catalog page has ~50 card links; rendering each as <Link> was a measurable
 * share of the page's server render time, and this keeps the same behaviour (no full reload, so
 * the player keeps playing; modified clicks still open new tabs).
 */
export function useClientLinks() {
  const navigate = useNavigate()
  return (event: React.MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    const anchor = (event.target as Element).closest('a')
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return
    const href = anchor.getAttribute('href')
    if (!href || !href.startsWith('/') || href.startsWith('//')) return
    event.preventDefault()
    void navigate(href)
  }
}
