/** jmultipath selector module. */
package io.jmultipath.selector;
