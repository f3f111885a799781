import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import MenuList from '@mui/material/MenuList';
import Popover from '@mui/material/Popover';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { coinNameOf } from '@cryptosim/contracts';
import { ExpandMoreIcon, StarIcon } from '@/components/icons';
import { useI18n } from '@/lib/i18n';
import { useSymbols } from '@/lib/market';
import { useStarred } from '../api/watchlist';
import { searchMarkets } from '../rules/match-market';

/**
 * The trade page's market switcher: a button naming the symbol opens a searchable list (symbol
 * or Korean / English name, starred coins first) and goes to the chosen coin's trade page.
 * Keyboard: type to search, ↓ into the list, ↑↓ to move, Enter to go (Enter in the search box
 * takes the first match), Esc to close and return to the button.
 */
export function MarketSwitcher({ symbol }: { symbol: string }) {
  const { t, language } = useI18n();
  const id = useId();
  const navigate = useNavigate();
  const list = useRef<HTMLUListElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const [anchorEl, setAnchorEl] = useState<HTMLElement | null>(null);
  const open = anchorEl !== null;
  const [query, setQuery] = useState('');
  const starred = useStarred();
  const { data } = useSymbols();
  const found = searchMarkets(data?.symbols.map((s) => s.symbol) ?? [], query, starred);

  const close = () => {
    setAnchorEl(null);
    setQuery('');
  };
  const go = (next: string) => {
    close();
    if (next !== symbol) void navigate(`/trade/${next}`);
  };
  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      list.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    } else if (event.key === 'Enter' && found[0]) {
      event.preventDefault();
      go(found[0]);
    }
  };

  return (
    <>
      <Button
        variant="outlined"
        size="small"
        endIcon={<ExpandMoreIcon />}
        aria-label={t('switcher.open', { symbol })}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={(event) => setAnchorEl(event.currentTarget)}
        sx={{ fontWeight: 700 }}
      >
        {symbol}
      </Button>
      <Popover
        open={open}
        anchorEl={anchorEl}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        // The popover's focus trap focuses its paper as it opens; the search box takes it back then.
        slotProps={{ transition: { onEntering: () => search.current?.focus() }, paper: { role: 'dialog', 'aria-labelledby': `${id}-title`, sx: { width: 300, maxWidth: 'calc(100vw - 32px)' } } }}
      >
        <Box sx={{ p: 1.5, pb: 0.5 }}>
          <Typography id={`${id}-title`} variant="subtitle2" component="h2" sx={{ mb: 1 }}>
            {t('switcher.title')}
          </Typography>
          <TextField
            inputRef={search}
            fullWidth
            type="search"
            size="small"
            label={t('markets.search')}
            placeholder={t('markets.searchHint')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onSearchKey}
          />
        </Box>
        {found.length === 0 ? (
          <Typography sx={{ px: 2, py: 1.5 }} color="text.secondary">
            {t('markets.noMatch', { query: query.trim() })}
          </Typography>
        ) : (
          <MenuList ref={list} aria-label={t('switcher.list')} dense sx={{ maxHeight: 320, overflowY: 'auto' }}>
            {found.map((s) => (
              <MenuItem key={s} selected={s === symbol} onClick={() => go(s)}>
                <ListItemText primary={s} secondary={coinNameOf(s)?.[language]} slotProps={{ primary: { sx: { fontWeight: 600 } } }} />
                {starred.has(s) ? <StarIcon fontSize="small" titleAccess={t('switcher.starred')} sx={{ color: 'warning.main', ml: 1 }} /> : null}
              </MenuItem>
            ))}
          </MenuList>
        )}
      </Popover>
    </>
  );
}
