import { type QRCodeErrorCorrectionLevel, toDataURL, toString } from 'qrcode';

export interface TicketQrImage {
  svg: string;
  /** `data:image/png;base64,...`, for clients that cannot draw SVG (wallet passes, e-mail). */
  pngDataUrl: string;
}

// A lit, flat phone screen reads cleanly; M (15% recovery) survives glare and a cracked corner while keeping the
// ~500-character payload at a module size door scanners resolve from arm's length. The 4-module margin is the quiet
// zone the QR standard requires.
const ERROR_CORRECTION: QRCodeErrorCorrectionLevel = 'M';
const MARGIN = 4;
// Pixels per module: a ticket's code comes out near 340 pixels square, which clients scale up without smoothing;
// the SVG serves any other size.
const SCALE = 4;

/** Draws a signed payload as a QR code, on request: images are never stored, only the ticket they encode. */
export async function renderTicketQr(payload: string): Promise<TicketQrImage> {
  const [svg, pngDataUrl] = await Promise.all([
    toString(payload, { type: 'svg', errorCorrectionLevel: ERROR_CORRECTION, margin: MARGIN }),
    toDataURL(payload, {
      type: 'image/png',
      errorCorrectionLevel: ERROR_CORRECTION,
      margin: MARGIN,
      scale: SCALE,
    }),
  ]);
  return { svg, pngDataUrl };
}
