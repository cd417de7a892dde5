// Why a source or tag could not be rendered, in a sentence a producer can act on.
export class AudioFormatError extends Error {
  override name = 'AudioFormatError'
}
