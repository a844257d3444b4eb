import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ImageView } from '@vitrine/api';
import { useRef, useState } from 'react';
import { Photo } from '../ui/photo.tsx';
import { AltTextForm } from './alt-text-form.tsx';
import { GripIcon, StarIcon, TrashIcon } from './icons.tsx';

/** Photos this far down the gallery wait until they are scrolled near. */
const eagerImages = 2;

interface GalleryTileProps {
  image: ImageView;
  index: number;
  label: string;
  onView: () => void;
  onMakeCover: () => void;
  onSaveAlt: (alt: string) => void;
  onDelete: () => void;
}

/**
 * One photo: a button that opens it larger, a handle to move it by drag
 * or keyboard, and its actions. The first photo is the cover.
 */
export function GalleryTile(props: GalleryTileProps) {
  const { image, index, label } = props;
  const [editing, setEditing] = useState(false);
  const altButton = useRef<HTMLButtonElement>(null);
  const sortable = useSortable({ id: image.id });
  const style = {
    transform: CSS.Translate.toString(sortable.transform),
    transition: sortable.transition,
  };

  function closeEditor() {
    setEditing(false);
    // Back where the person was, not at the top of the page.
    requestAnimationFrame(() => altButton.current?.focus());
  }

  return (
    <li
      ref={sortable.setNodeRef}
      style={style}
      className={sortable.isDragging ? 'tile dragging' : 'tile'}
      data-testid="gallery-tile"
      data-image-id={image.id}
    >
      <div className="tile-frame">
        <button
          type="button"
          className="tile-view"
          aria-label={`View ${label} larger`}
          onClick={props.onView}
        >
          <Photo
            src={image.url}
            placeholder={image.placeholder}
            width={image.width}
            height={image.height}
            alt={image.alt || image.originalName}
            loading={index < eagerImages ? 'eager' : 'lazy'}
            decoding="async"
          />
        </button>
        {index === 0 && <span className="cover-badge">Cover</span>}
      </div>
      <p className={image.alt ? 'tile-alt' : 'tile-alt missing'}>
        {image.alt || 'No alt text yet'}
      </p>
      <div className="tile-actions">
        <button
          type="button"
          ref={sortable.setActivatorNodeRef}
          className="icon-button handle"
          title="Drag, or press Space and use the arrow keys, to move"
          {...sortable.attributes}
          {...sortable.listeners}
          aria-label={`Move ${label}`}
        >
          <GripIcon />
        </button>
        {index > 0 && (
          <button
            type="button"
            className="icon-button"
            title="Make this the cover"
            aria-label={`Make ${label} the cover`}
            onClick={() => {
              props.onMakeCover();
              // This button goes with the change; the focus stays with the
              // photo, on the button that came after it.
              requestAnimationFrame(() => altButton.current?.focus());
            }}
          >
            <StarIcon />
          </button>
        )}
        <button
          ref={altButton}
          type="button"
          className="icon-button text"
          title="Edit the alt text"
          aria-label={`Edit the alt text of ${label}`}
          aria-expanded={editing}
          onClick={() => setEditing(!editing)}
        >
          Alt
        </button>
        <button
          type="button"
          className="icon-button danger"
          title="Delete this photo"
          aria-label={`Delete ${label}`}
          onClick={props.onDelete}
        >
          <TrashIcon />
        </button>
      </div>
      {editing && (
        <AltTextForm
          label={label}
          initial={image.alt}
          onCancel={closeEditor}
          onSave={(alt) => {
            props.onSaveAlt(alt);
            closeEditor();
          }}
        />
      )}
    </li>
  );
}
