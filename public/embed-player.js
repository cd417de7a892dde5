// The embeddable player's only script (/embed/beats/:slug): play/pause, a waveform slider you can
// click, drag or use with the keyboard, and the elapsed time. No framework; the page works as
// links without it. Key steps match the store's own waveform (app/lib/player/waveform-keys.ts).
;(function () {
  var root = document.querySelector('[data-embed]')
  if (!root) return
  var audio = root.querySelector('[data-embed-audio]')
  var button = root.querySelector('[data-embed-play]')
  var seek = root.querySelector('[data-embed-seek]')
  var time = root.querySelector('[data-embed-time]')
  if (!audio || !button || !seek) return
  var title = button.getAttribute('aria-label').replace(/^Play /, '')
  var bars = seek.querySelectorAll('rect')
  var played = 'fill-accent'
  var unplayed = 'fill-[#4a4a5c]'

  function duration() {
    return isFinite(audio.duration) && audio.duration > 0 ? audio.duration : Number(seek.getAttribute('data-duration')) || 0
  }
  function clock(s) {
    s = Math.max(0, Math.floor(s || 0))
    return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0')
  }
  function spoken(s) {
    s = Math.max(0, Math.floor(s || 0))
    var m = Math.floor(s / 60)
    var r = s % 60
    return (m ? m + ' minute' + (m === 1 ? '' : 's') + ' ' : '') + r + ' second' + (r === 1 ? '' : 's')
  }
  function render() {
    var d = duration()
    var t = audio.currentTime || 0
    var cut = d > 0 ? Math.round((t / d) * bars.length) : 0
    for (var i = 0; i < bars.length; i++) bars[i].setAttribute('class', i < cut ? played : unplayed)
    seek.setAttribute('aria-valuemax', String(Math.max(1, Math.floor(d))))
    seek.setAttribute('aria-valuenow', String(Math.min(Math.max(1, Math.floor(d)), Math.round(t))))
    seek.setAttribute('aria-valuetext', spoken(t) + ' of ' + spoken(d) + ' (' + clock(t) + ')')
    if (time) time.textContent = clock(t)
  }
  function setPlaying(on) {
    button.setAttribute('aria-label', (on ? 'Pause ' : 'Play ') + title)
    button.querySelector('[data-icon="play"]').hidden = on
    button.querySelector('[data-icon="pause"]').hidden = !on
  }
  function seekTo(t) {
    var d = duration()
    audio.currentTime = Math.max(0, Math.min(d, t))
    render()
  }

  button.addEventListener('click', function () {
    if (audio.paused) audio.play().catch(function () {})
    else audio.pause()
  })
  audio.addEventListener('play', function () { setPlaying(true) })
  audio.addEventListener('pause', function () { setPlaying(false) })
  audio.addEventListener('ended', function () { setPlaying(false) })
  audio.addEventListener('timeupdate', render)
  audio.addEventListener('durationchange', render)

  var dragging = false
  function fromPointer(e) {
    var box = seek.getBoundingClientRect()
    if (box.width > 0) seekTo(((e.clientX - box.left) / box.width) * duration())
  }
  seek.addEventListener('pointerdown', function (e) {
    if (e.button !== 0) return
    dragging = true
    seek.setPointerCapture(e.pointerId)
    // Seeking a preview that has not started starts it there.
    if (audio.paused) audio.play().catch(function () {})
    fromPointer(e)
  })
  seek.addEventListener('pointermove', function (e) { if (dragging) fromPointer(e) })
  seek.addEventListener('pointerup', function () { dragging = false })
  seek.addEventListener('pointercancel', function () { dragging = false })
  seek.addEventListener('keydown', function (e) {
    var t = audio.currentTime || 0
    var steps = { ArrowRight: 5, ArrowUp: 5, ArrowLeft: -5, ArrowDown: -5, PageUp: 30, PageDown: -30 }
    var next = e.key in steps ? t + steps[e.key] : e.key === 'Home' ? 0 : e.key === 'End' ? duration() : null
    if (next === null) return
    e.preventDefault()
    if (audio.paused && audio.readyState === 0) audio.load()
    seekTo(next)
  })
})()
