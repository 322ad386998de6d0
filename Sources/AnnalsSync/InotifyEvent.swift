/// One `struct inotify_event` decoded from the bytes `read(2)` returned.
struct InotifyEvent: Equatable {
    // Mask bits from <sys/inotify.h>, spelled out as UInt32 (the C macros import as Int32).
    static let closeWrite: UInt32 = 0x0000_0008
    static let movedFrom: UInt32 = 0x0000_0040
    static let movedTo: UInt32 = 0x0000_0080
    static let create: UInt32 = 0x0000_0100
    static let delete: UInt32 = 0x0000_0200
    static let deleteSelf: UInt32 = 0x0000_0400
    static let moveSelf: UInt32 = 0x0000_0800
    static let queueOverflow: UInt32 = 0x0000_4000
    static let ignored: UInt32 = 0x0000_8000
    static let onlyDirectory: UInt32 = 0x0100_0000
    static let dontFollow: UInt32 = 0x0200_0000
    static let excludeUnlinked: UInt32 = 0x0400_0000
    static let isDirectory: UInt32 = 0x4000_0000

    /// What every folder is watched for.
    static let folderMask = closeWrite | movedFrom | movedTo | create | delete | deleteSelf | moveSelf
        | onlyDirectory | excludeUnlinked

    /// The watch descriptor (-1 with `IN_Q_OVERFLOW`).
    let wd: Int32
    let mask: UInt32
    let cookie: UInt32
    /// The entry's name within the watched folder; nil for events on the folder itself or a
    /// name that is not UTF-8 (such names are reported by scans instead).
    let name: String?

    func has(_ bit: UInt32) -> Bool { mask & bit != 0 }

    /// Decodes every complete event in `buffer` (the kernel never splits one across reads).
    static func parse(_ buffer: UnsafeRawBufferPointer) -> [InotifyEvent] {
        let header = 16  // int wd; uint32_t mask, cookie, len;
        var events: [InotifyEvent] = []
        var offset = 0
        while offset + header <= buffer.count {
            let wd = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let cookie = buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let start = offset + header
            guard start + length <= buffer.count else { break }
            var name: String?
            if length > 0 {
                // NUL-padded to an alignment boundary.
                let bytes = buffer[start..<(start + length)].prefix { $0 != 0 }
                name = String(validating: bytes, as: UTF8.self)
            }
            events.append(InotifyEvent(wd: wd, mask: mask, cookie: cookie, name: name))
            offset = start + length
        }
        return events
    }
}
