import type { ImageView } from '@vitrine/api';

/** A product's photos in order; the first one is its cover. */
export function Gallery({ images }: { images: ImageView[] }) {
  if (images.length === 0) return <p className="muted">No photos yet.</p>;

  return (
    <ul className="gallery" data-testid="gallery">
      {images.map((image, index) => (
        <li key={image.id} className="gallery-item">
          <img
            src={image.url}
            width={image.width}
            height={image.height}
            alt={image.alt || image.originalName}
            loading="lazy"
            decoding="async"
          />
          {index === 0 && <span className="cover-badge">Cover</span>}
        </li>
      ))}
    </ul>
  );
}
