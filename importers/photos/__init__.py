"""Photos of paper memos and other attachments: content-addressed storage and day/customer hints."""

from importers.photos.blobs import blob_path, store_blob
from importers.photos.memo import PhotoInfo, photo_info

__all__ = ["PhotoInfo", "blob_path", "photo_info", "store_blob"]
