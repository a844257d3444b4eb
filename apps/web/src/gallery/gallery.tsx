import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  PointerSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  arrayMove,
  rectSortingStrategy,
  SortableContext,
  sortableKeyboardCoordinates,
} from '@dnd-kit/sortable';
import type { ImageView, ProductWithImages } from '@vitrine/api';
import { useRef, useState } from 'react';
import { ConfirmDialog } from '../ui/confirm-dialog.tsx';
import { GalleryTile } from './gallery-tile.tsx';
import { Lightbox } from './lightbox.tsx';
import { PromptKeyboardSensor } from './prompt-keyboard-sensor.ts';
import { useGalleryEdits } from './use-gallery-edits.ts';

const instructions =
  'To move a photo, press Space or Enter on its move button, use the ' +
  'arrow keys to choose its place, then press Space or Enter again to ' +
  'drop it, or Escape to leave it where it was.';

/** A product's photos in order, the first one its cover, all editable. */
export function Gallery({ product }: { product: ProductWithImages }) {
  const images = product.images;
  const edits = useGalleryEdits(product.id);
  const [viewing, setViewing] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<ImageView | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const sensors = useSensors(
    // A few pixels before a drag starts, so a click on the handle is not
    // a drag and a finger can still scroll past it.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    // dnd-kit's own keyboard sensor loses a key pressed just after the
    // pick-up; this one holds it until the sensor listens.
    useSensor(PromptKeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
    }),
  );
  const ids = images.map((image) => image.id);
  const labelOf = (id: UniqueIdentifier) => {
    const index = ids.indexOf(Number(id));
    return describe(images[index], index);
  };
  const placeOf = (id: UniqueIdentifier) =>
    `position ${ids.indexOf(Number(id)) + 1} of ${ids.length}`;
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${labelOf(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over ? `${labelOf(active.id)} is over ${placeOf(over.id)}.` : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? `${labelOf(active.id)} dropped at ${placeOf(over.id)}.`
        : `${labelOf(active.id)} dropped where it was.`,
    onDragCancel: ({ active }) =>
      `Moving ${labelOf(active.id)} was cancelled; it stays where it was.`,
  };

  function dragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const from = ids.indexOf(Number(active.id));
    const to = ids.indexOf(Number(over.id));
    edits.reorder(arrayMove(ids, from, to));
  }

  function confirmDelete() {
    if (!deleting) return;
    edits.remove(deleting.id);
    setDeleting(null);
    // The photo's buttons are gone; the gallery's heading is the nearest
    // place that still makes sense. After the frame in which the dialog
    // closes, or its own focus return (to a button now gone) wins.
    requestAnimationFrame(() => heading.current?.focus());
  }

  return (
    <section className="gallery-section" aria-labelledby="photos-heading">
      <h2 id="photos-heading" ref={heading} tabIndex={-1}>
        Photos
      </h2>
      {images.length === 0 ? (
        <p className="muted">No photos yet. Add some above.</p>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={dragEnd}
          accessibility={{
            announcements,
            screenReaderInstructions: { draggable: instructions },
          }}
        >
          <SortableContext items={ids} strategy={rectSortingStrategy}>
            <ul className="gallery" data-testid="gallery">
              {images.map((image, index) => (
                <GalleryTile
                  key={image.id}
                  image={image}
                  index={index}
                  label={describe(image, index)}
                  onView={() => setViewing(index)}
                  onMakeCover={() => edits.setCover(image.id)}
                  onSaveAlt={(alt) => edits.updateAlt(image.id, alt)}
                  onDelete={() => setDeleting(image)}
                />
              ))}
            </ul>
          </SortableContext>
        </DndContext>
      )}
      {viewing !== null && (
        <Lightbox
          images={images}
          index={Math.min(viewing, images.length - 1)}
          onIndex={setViewing}
          onClose={() => setViewing(null)}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this photo?"
        confirmLabel="Delete photo"
        cancelLabel="Keep it"
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      >
        <p>
          {deleting?.originalName} is removed from the product and from storage.
          This cannot be undone.
        </p>
      </ConfirmDialog>
    </section>
  );
}

/** "photo 2 (lamp.jpg)": how buttons and announcements name a photo. */
function describe(image: ImageView | undefined, index: number): string {
  return image ? `photo ${index + 1} (${image.originalName})` : 'the photo';
}
