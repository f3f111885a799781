import Markdown, { type Components } from 'react-markdown';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';

/**
 * The elements an answer may use. Raw HTML in the text is never rendered (react-markdown
 * escapes it, and `skipHtml` drops it); headings, images and everything else outside this
 * list are unwrapped to their text, so an answer cannot break the page's heading outline or
 * load an image from elsewhere. Link targets go through react-markdown's default URL check,
 * which drops `javascript:` and other unsafe schemes.
 */
const ALLOWED = ['p', 'strong', 'em', 'ul', 'ol', 'li', 'code', 'pre', 'a', 'br', 'blockquote', 'hr', 'del'];

const components: Components = {
  a: ({ href, children }) => (
    <Link href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </Link>
  ),
};

export function ChatMarkdown({ text }: { text: string }) {
  return (
    <Box
      sx={{
        overflowWrap: 'anywhere',
        '& > :first-of-type': { mt: 0 },
        '& > :last-child': { mb: 0 },
        '& p': { my: 1 },
        '& ul, & ol': { my: 1, pl: 3 },
        '& pre': { overflowX: 'auto', p: 1, borderRadius: 1, bgcolor: 'action.hover' },
        '& code': { fontFamily: 'monospace', fontSize: '0.9em' },
      }}
    >
      <Markdown allowedElements={ALLOWED} unwrapDisallowed skipHtml components={components}>
        {text}
      </Markdown>
    </Box>
  );
}
