/** jmultipath dmctl module. */
package io.jmultipath.dmctl;
