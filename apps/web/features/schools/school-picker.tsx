'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { FieldError, FieldHint, describedBy } from '../forms/fields';

interface SchoolOption {
  id: string;
  name: string;
  city: string;
  districtName: string;
}

interface SchoolPickerProps {
  id: string;
  error?: string;
  defaultSchoolId?: string;
  defaultSchoolName?: string;
}

const SEARCH_DELAY_MS = 200;
const MIN_QUERY_LENGTH = 2;

/**
 * School combobox (WAI-ARIA combobox pattern with a list box popup). Typing part of a school
 * name or city lists matches; Arrow keys move through them, Enter picks one and Escape closes
 * the list. The chosen school's id is submitted in the hidden `schoolId` input.
 */
export function SchoolPicker({ id, error, defaultSchoolId = '', defaultSchoolName = '' }: SchoolPickerProps) {
  const listboxId = useId();
  const statusId = useId();
  const [query, setQuery] = useState(defaultSchoolName);
  const [schoolId, setSchoolId] = useState(defaultSchoolId);
  const [options, setOptions] = useState<SchoolOption[]>([]);
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [status, setStatus] = useState('');
  const requestNumber = useRef(0);

  useEffect(() => {
    if (schoolId || query.trim().length < MIN_QUERY_LENGTH) return;

    const thisRequest = ++requestNumber.current;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/schools?query=${encodeURIComponent(query.trim())}`);
        if (!response.ok) throw new Error(`School search returned HTTP ${response.status}`);
        const body = (await response.json()) as { schools: SchoolOption[] };
        if (thisRequest !== requestNumber.current) return;
        setOptions(body.schools);
        setActiveIndex(-1);
        setOpen(true);
        setStatus(body.schools.length === 0 ? 'No schools match.' : `${body.schools.length} schools found.`);
      } catch {
        if (thisRequest !== requestNumber.current) return;
        setOptions([]);
        setOpen(false);
        setStatus('School search is not available right now. Try again in a moment.');
      }
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, schoolId]);

  function choose(option: SchoolOption) {
    setSchoolId(option.id);
    setQuery(option.name);
    setOpen(false);
    setActiveIndex(-1);
    setStatus(`${option.name}, ${option.city} selected.`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open && options.length > 0) setOpen(true);
      setActiveIndex((index) => Math.min(index + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActiveIndex((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter') {
      const option = options[activeIndex];
      if (open && option) {
        event.preventDefault();
        choose(option);
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        setOpen(false);
        setActiveIndex(-1);
      }
    }
  }

  const hint = 'Type part of your school’s name or city, then choose it from the list.';
  const showList = open && options.length > 0;
  const activeOption = showList ? options[activeIndex] : undefined;

  return (
    <div className="field combobox">
      <label htmlFor={id}>School</label>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      <input
        id={id}
        name="schoolName"
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listboxId}
        aria-activedescendant={activeOption ? `${listboxId}-${activeOption.id}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setSchoolId('');
          if (event.target.value.trim().length < MIN_QUERY_LENGTH) {
            setOpen(false);
            setOptions([]);
          }
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => options.length > 0 && !schoolId && setOpen(true)}
      />
      <input type="hidden" name="schoolId" value={schoolId} />
      <ul id={listboxId} role="listbox" aria-label="Matching schools" className="combobox-list" hidden={!showList}>
        {options.map((option, index) => (
          <li
            key={option.id}
            id={`${listboxId}-${option.id}`}
            role="option"
            aria-selected={index === activeIndex}
            className={index === activeIndex ? 'combobox-option active' : 'combobox-option'}
            // Keep focus in the input, so a click picks the school instead of blurring first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
          >
            <span className="combobox-option-name">{option.name}</span>
            <span className="combobox-option-detail">
              {option.city} · {option.districtName}
            </span>
          </li>
        ))}
      </ul>
      <p id={statusId} role="status" className="visually-hidden">
        {status}
      </p>
    </div>
  );
}
