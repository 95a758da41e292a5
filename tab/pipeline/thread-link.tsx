import { Link } from '@fluentui/react-components';
import type { Host } from '../host/teams-host';
import type { Strings } from '../strings';

/** The referral's channel thread: through Teams when hosted (app.openLink on the deep link), a plain link standalone. */
export function ThreadLink({ strings, url, host }: { strings: Strings; url: string; host?: Host }) {
  return (
    <Link
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      onClick={(event) => {
        if (!host) return;
        event.preventDefault();
        void host.openLink(url);
      }}
    >
      {strings.s('list.openThread')}
    </Link>
  );
}
