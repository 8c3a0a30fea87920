import QRCode from 'qrcode';

/** Builds the otpauth URI that authenticator apps read from the QR code. */
export function totpUri(email: string, secretCode: string): string {
  const label = encodeURIComponent(`ClockIn:${email}`);
  return `otpauth://totp/${label}?secret=${encodeURIComponent(secretCode)}&issuer=ClockIn`;
}

/** Shows the TOTP secret as a QR code (an SVG rendered on the server) and as text to type in. */
export async function TotpSetupDetails({ email, secretCode }: { email: string; secretCode: string }) {
  const svg = await QRCode.toString(totpUri(email, secretCode), { type: 'svg', margin: 2, width: 200 });
  const svgDataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  const groupedSecret = secretCode.match(/.{1,4}/g)?.join(' ') ?? secretCode;

  return (
    <div className="totp-setup">
      <ol className="steps">
        <li>Open an authenticator app on your phone and choose to add an account.</li>
        <li>Scan this QR code, or type in the setup key below.</li>
      </ol>
      <img src={svgDataUrl} alt="QR code for adding ClockIn to an authenticator app" width={200} height={200} />
      <p>
        Setup key: <code className="secret">{groupedSecret}</code>
      </p>
    </div>
  );
}
