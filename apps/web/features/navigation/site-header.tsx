import Link from 'next/link';
import { unstable_rethrow } from 'next/navigation';
import { developmentPagesEnabled } from '../../lib/dev-mode';
import { getViewer, type Viewer } from '../../lib/viewer';
import { signOut } from '../auth/sign-out-action';

interface NavigationLink {
  href: string;
  label: string;
}

function linksFor(viewer: Viewer | null): NavigationLink[] {
  if (!viewer) return [{ href: '/jobs', label: 'Browse jobs' }];
  switch (viewer.accountType) {
    case 'student':
      return [
        { href: '/jobs', label: 'Browse jobs' },
        { href: '/applications', label: 'My applications' },
        { href: '/messages', label: 'Messages' },
        { href: '/planner', label: 'Hours planner' },
      ];
    case 'employer':
      if (!viewer.organization) return [{ href: '/employer/register', label: 'Register your organization' }];
      return [
        { href: '/employer', label: 'My listings' },
        { href: '/employer/listings/new', label: 'New listing' },
        { href: '/messages', label: 'Messages' },
        { href: '/employer/team', label: 'Team' },
      ];
    case 'staff':
      return [
        { href: '/staff/reviews', label: 'Listing reviews' },
        { href: '/staff/verifications', label: 'Verifications' },
        { href: '/staff/reports', label: 'Reports' },
        { href: '/staff/districts', label: 'Districts' },
        { href: '/staff/deletion-requests', label: 'Deletion requests' },
        { href: '/jobs', label: 'Published jobs' },
      ];
    case 'district_admin':
      return [
        { href: '/district', label: 'District dashboard' },
        { href: '/district/students', label: 'Students' },
        { href: '/district/exports', label: 'Exports' },
      ];
  }
}

/** Loads the viewer for the header. An API outage shows the signed-out header instead of an error page. */
async function viewerForHeader(): Promise<Viewer | null> {
  try {
    return await getViewer();
  } catch (error) {
    // Next.js signals dynamic rendering and redirects with errors that must propagate.
    unstable_rethrow(error);
    console.error('Could not load the signed-in user for the header.', {
      error: error instanceof Error ? error.message : String(error),
    });
    return null;
  }
}

export async function SiteHeader() {
  const viewer = await viewerForHeader();
  const links = linksFor(viewer);
  const showMailbox = developmentPagesEnabled();

  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="brand">
          ClockIn
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href}>{link.label}</Link>
              </li>
            ))}
            {showMailbox && (
              <li>
                <Link href="/dev/mailbox">Dev mailbox</Link>
              </li>
            )}
            {viewer ? (
              <>
                <li>
                  <Link href="/account">Account</Link>
                </li>
                <li>
                  <form action={signOut}>
                    <button type="submit" className="link-button">
                      Sign out
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link href="/sign-in">Sign in</Link>
                </li>
                <li>
                  <Link href="/sign-up" className="nav-cta">
                    Sign up
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
